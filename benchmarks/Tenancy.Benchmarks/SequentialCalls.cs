using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Benchmarks;

/// <summary>Timing the same call many times in a row, and the small HTTP helpers the latency benchmarks share.</summary>
public static class SequentialCalls
{
    /// <summary>The sorted durations (ms) of <paramref name="count"/> calls, after <paramref name="warmUp"/> untimed ones.</summary>
    public static async Task<double[]> TimeAsync(int count, Func<Task<HttpResponseMessage>> call, int warmUp = 20)
    {
        for (var i = 0; i < warmUp; i++) (await call()).EnsureSuccessStatusCode();
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            (await call()).EnsureSuccessStatusCode();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    public static double P(double[] sorted, int percentile) => sorted[Math.Min(sorted.Length - 1, sorted.Length * percentile / 100)];

    public static async Task<JsonObject> Read(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static StringContent JsonBody(string body) => new(body, Encoding.UTF8, "application/json");
}
