// autocannon ships no types; this covers the part of its programmatic API that scripts/bench-api.ts uses.
declare module "autocannon" {
  type TOptions = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
  };
  type THistogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  };
  type TResult = {
    url: string;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    latency: THistogram;
    requests: THistogram & { sent: number };
    throughput: THistogram;
  };
  function autocannon(options: TOptions): Promise<TResult>;
  export default autocannon;
}
