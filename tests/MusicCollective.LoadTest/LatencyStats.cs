using System.Diagnostics;

namespace MusicCollective.LoadTest;

/// <summary>
/// Latencies of one kind of operation, recorded lock-free into a fixed array (one slot per operation index), then
/// summarised by nearest-rank percentiles. Failed operations are counted, not timed.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly long[] _ticks;
    private int _recorded;
    private int _failed;

    /// <summary>A recorder for at most <paramref name="capacity"/> operations.</summary>
    public LatencyRecorder(string name, int capacity)
    {
        Name = name;
        _ticks = new long[capacity];
        Array.Fill(_ticks, -1);
    }

    /// <summary>What is measured.</summary>
    public string Name { get; }

    /// <summary>Records the latency of operation <paramref name="index"/> started at Stopwatch timestamp <paramref name="start"/>.</summary>
    public void Record(int index, long start)
    {
        _ticks[index] = Stopwatch.GetTimestamp() - start;
        Interlocked.Increment(ref _recorded);
    }

    /// <summary>Counts a failed operation.</summary>
    public void Fail() => Interlocked.Increment(ref _failed);

    /// <summary>Operations that failed.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>The summary over everything recorded, for a phase that took <paramref name="elapsed"/>.</summary>
    public LatencySummary Summarise(TimeSpan elapsed)
    {
        var values = _ticks.Where(t => t >= 0).ToArray();
        Array.Sort(values);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Percentile(double p) => values.Length == 0
            ? double.NaN
            : Ms(values[Math.Clamp((int)Math.Ceiling(p / 100.0 * values.Length) - 1, 0, values.Length - 1)]);
        return new LatencySummary(Name, values.Length, Failed, elapsed,
            values.Length == 0 ? double.NaN : values.Average(v => Ms(v)),
            Percentile(50), Percentile(95), Percentile(99), values.Length == 0 ? double.NaN : Ms(values[^1]));
    }
}

/// <summary>Throughput and latency of one measured operation.</summary>
public sealed record LatencySummary(string Name, int Count, int Failed, TimeSpan Elapsed, double MeanMs, double P50Ms,
    double P95Ms, double P99Ms, double MaxMs)
{
    /// <summary>Successful operations per second of wall time.</summary>
    public double PerSecond => Count / Elapsed.TotalSeconds;
}
