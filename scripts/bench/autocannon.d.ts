// autocannon ships no types; the bench uses its documented options, the
// "response" event and the result's duration, errors and timeouts.
declare module "autocannon" {
  type Instance = PromiseLike<{ duration?: number; errors?: number; timeouts?: number }> & { on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void };
  export default function autocannon(options: { url: string; connections?: number; duration?: number; headers?: Record<string, string> }): Instance;
}
