// Runs once when a server starts (`npm start`, `next start`, the Docker image's server.js).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { publicUrlWarning } = await import("@/lib/http/public-url");
  const warning = publicUrlWarning(process.env);
  if (warning) console.warn(`[khởi động] ${warning}`);
}
