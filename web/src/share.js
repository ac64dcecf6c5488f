// Share links carry the plan (and the config, if any) deflated and base64url-encoded in
// the URL fragment: browsers never send the fragment to a server.

async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function inflate(encoded) {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

/** The fragment (`#plan=…&config=…`) for a plan and config. */
export async function encodeFragment(plan, config) {
  const parts = [`plan=${await deflate(plan)}`];
  if (config.trim()) parts.push(`config=${await deflate(config)}`);
  return "#" + parts.join("&");
}

/** The plan and config in a fragment, or null when it carries none (or is damaged). */
export async function decodeFragment(hash) {
  const fields = new URLSearchParams(hash.replace(/^#/, ""));
  if (!fields.has("plan")) return null;
  try {
    const plan = await inflate(fields.get("plan"));
    const config = fields.has("config") ? await inflate(fields.get("config")) : "";
    return { plan, config };
  } catch {
    return null;
  }
}
