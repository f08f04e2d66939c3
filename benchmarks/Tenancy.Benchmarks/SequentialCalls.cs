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

    /// <summary>
    /// The sorted durations (ms) of two calls made in turn, <paramref name="count"/> times each after untimed ones: on a
    /// shared machine whose load drifts, both see the same load, so their ratio compares them rather than two moments.
    /// </summary>
    public static async Task<(double[] First, double[] Second)> TimeInTurnAsync(int count, Func<Task<HttpResponseMessage>> first,
        Func<Task<HttpResponseMessage>> second, int warmUp = 20)
    {
        for (var i = 0; i < warmUp; i++)
        {
            (await first()).EnsureSuccessStatusCode();
            (await second()).EnsureSuccessStatusCode();
        }
        var (a, b) = (new double[count], new double[count]);
        for (var i = 0; i < count; i++)
        {
            a[i] = await TimeOneAsync(first);
            b[i] = await TimeOneAsync(second);
        }
        Array.Sort(a);
        Array.Sort(b);
        return (a, b);
    }

    private static async Task<double> TimeOneAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        (await call()).EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static double P(double[] sorted, int percentile) => sorted[Math.Min(sorted.Length - 1, sorted.Length * percentile / 100)];

    public static async Task<JsonObject> Read(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static StringContent JsonBody(string body) => new(body, Encoding.UTF8, "application/json");
}
