using System.Globalization;
using System.Text;

namespace MusicCollective.LoadTest;

/// <summary>Everything one run measured, and the summary it prints.</summary>
public sealed record RunResult
{
    /// <summary>What ran: storage, counts, concurrency.</summary>
    public required string Configuration { get; init; }

    /// <summary>The whole gigs, then each call.</summary>
    public required IReadOnlyList<LatencySummary> Gigs { get; init; }

    /// <summary>Health checks at the same concurrency (null when skipped).</summary>
    public LatencySummary? ApiFloor { get; init; }

    /// <summary>Single-row INSERT transactions at the same concurrency (null when skipped).</summary>
    public LatencySummary? PersistenceFloor { get; init; }

    /// <summary>CPU per phase, with the operations the phase completed.</summary>
    public required IReadOnlyList<(string Phase, CpuUsage Usage, int Operations)> Cpu { get; init; }

    /// <summary>Concurrent clients, each running its gigs one after another.</summary>
    public required int Clients { get; init; }

    /// <summary>Further facts, one line each (journal, projection, ledger check).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Settlements per second of the timed phase.</summary>
    public double SettlementsPerSecond => Gigs[0].PerSecond;

    /// <summary>The lower of the two floors, per second (null when floors were skipped).</summary>
    public double? LowerFloor => ApiFloor is null || PersistenceFloor is null
        ? null
        : Math.Min(ApiFloor.PerSecond, PersistenceFloor.PerSecond);
}

/// <summary>The targets from the issue, and the summary table.</summary>
public static class Report
{
    /// <summary>Settlements per second at least.</summary>
    public const double ThroughputTarget = 2_000;

    /// <summary>Settlements per second, as a share of the lower floor, at least.</summary>
    public const double FloorShareTarget = 0.25;

    /// <summary>p99 latency of a whole settlement, at most (ms).</summary>
    public const double P99TargetMs = 50;

    /// <summary>Whether every target is met (the floor share counts only when floors ran).</summary>
    public static bool AllMet(RunResult result) =>
        result.SettlementsPerSecond >= ThroughputTarget
        && result.Gigs[0].P99Ms <= P99TargetMs
        && (result.LowerFloor is not { } floor || result.SettlementsPerSecond / floor >= FloorShareTarget);

    /// <summary>The summary as printed at the end of a run.</summary>
    public static string Summary(RunResult result)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string F(double value, string format = "F1") =>
            double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

        Line("================================ MusicCollective load benchmark: summary ================================");
        Line(result.Configuration);
        Line();
        Line($"{"measurement",-34} {"ok",7} {"failed",6} {"time s",7} {"per s",9} {"mean ms",8} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"max ms",7}");
        Line(new string('-', 104));
        void Row(string label, LatencySummary s) => Line(
            $"{label,-34} {s.Count,7} {s.Failed,6} {F(s.Elapsed.TotalSeconds, "F2"),7} {F(s.PerSecond, "F0"),9} " +
            $"{F(s.MeanMs, "F2"),8} {F(s.P50Ms, "F2"),7} {F(s.P95Ms, "F2"),7} {F(s.P99Ms, "F2"),7} {F(s.MaxMs, "F1"),7}");
        foreach (var gig in result.Gigs) Row(gig.Name, gig);
        if (result.ApiFloor is { } api) Row("API floor: grpc.health Check", api);
        if (result.PersistenceFloor is { } db) Row("persistence floor: INSERT tx", db);
        Line();

        Line($"{"CPU, % of " + Environment.ProcessorCount + " cores",-34} {"server",7} {"database",9} {"load gen",9} {"other",7} {"idle",7}");
        foreach (var (phase, usage, _) in result.Cpu)
        {
            var idle = Math.Max(0, 100 - usage.Percent(usage.MachineBusySeconds));
            Line($"{phase,-34} {F(usage.Percent(usage.ServerSeconds)),7} {F(usage.Percent(usage.PostgresSeconds)),9} " +
                $"{F(usage.Percent(usage.LoadGeneratorSeconds)),9} {F(usage.Percent(usage.OtherSeconds)),7} {F(idle),7}");
        }
        Line();
        // CPU time per operation depends far less on other work on the machine than wall-clock rates do; the bound is
        // what the three parties could do alone on this machine's cores if nothing else ran and nothing waited.
        Line($"{"CPU ms per operation",-34} {"server",7} {"database",9} {"load gen",9} {"total",7} {"bound/s",9}");
        foreach (var (phase, usage, operations) in result.Cpu)
        {
            double PerOp(double seconds) => 1000.0 * seconds / Math.Max(1, operations);
            var total = usage.ServerSeconds + usage.PostgresSeconds + usage.LoadGeneratorSeconds;
            Line($"{phase,-34} {F(PerOp(usage.ServerSeconds), "F3"),7} {F(PerOp(usage.PostgresSeconds), "F3"),9} " +
                $"{F(PerOp(usage.LoadGeneratorSeconds), "F3"),9} {F(PerOp(total), "F3"),7} " +
                $"{F(total > 0 ? usage.Cores * operations / total : double.NaN, "F0"),9}");
        }
        Line();
        foreach (var note in result.Notes) Line(note);
        Line();

        var rate = result.SettlementsPerSecond;
        Line("Ratios");
        Line($"  settlements/s                          {F(rate, "F0")}  (RPCs/s {F(rate * 3, "F0")})");
        if (result.ApiFloor is { } apiFloor)
        {
            Line($"  ÷ API floor ({F(apiFloor.PerSecond, "F0")} calls/s)          {F(100 * rate / apiFloor.PerSecond)} %  " +
                $"(RPCs/s ÷ floor {F(300 * rate / apiFloor.PerSecond)} %)");
        }
        if (result.PersistenceFloor is { } dbFloor)
        {
            Line($"  ÷ persistence floor ({F(dbFloor.PerSecond, "F0")} tx/s)      {F(100 * rate / dbFloor.PerSecond)} %");
        }
        // The same ratios from CPU cost alone (what each would reach on this machine's cores with nothing else running):
        // far steadier than the wall-clock ratios when other processes share the machine.
        double? Bound(string phasePrefix) => CpuMsPerOperation(result, phasePrefix) is { } ms ? Cores(result) * 1000 / ms : null;
        if (Bound("gigs +") is { } wholeBound)
        {
            Line($"  CPU-bound settlements/s (incl. projection)  {F(wholeBound, "F0")}" +
                (Bound("API floor") is { } apiBound ? $";  ÷ API floor's {F(apiBound, "F0")}: {F(100 * wholeBound / apiBound)} %" : "") +
                (Bound("persistence floor") is { } dbBound
                    ? $";  ÷ persistence floor's {F(dbBound, "F0")}: {F(100 * wholeBound / dbBound)} %"
                    : ""));
        }
        Line();
        Budget(result, Line, F);
        Line();
        Line("Targets");
        string Verdict(bool met) => met ? "MET" : "MISSED";
        Line($"  settlements/s >= {ThroughputTarget:F0}                   {F(rate, "F0"),8}     {Verdict(rate >= ThroughputTarget)}");
        if (result.LowerFloor is { } floor)
        {
            var share = rate / floor;
            Line($"  >= {FloorShareTarget * 100:F0} % of the lower floor ({F(floor, "F0")}/s)  {F(share * 100),8} %   {Verdict(share >= FloorShareTarget)}");
        }
        else
        {
            Line("  >= 25 % of the lower floor             (floors skipped)");
        }
        Line($"  p99 per settlement <= {P99TargetMs:F0} ms              {F(result.Gigs[0].P99Ms, "F2"),8} ms  {Verdict(result.Gigs[0].P99Ms <= P99TargetMs)}");
        Line("=========================================================================================================");
        return text.ToString();
    }

    // What each target leaves per settlement on this machine, beside what a settlement costs and what the floors say
    // its bare minimum costs: the arithmetic behind a missed target, printed by every run rather than argued apart.
    private static void Budget(RunResult result, Action<string> line, Func<double, string, string> f)
    {
        var cores = Cores(result);
        void Row(string label, double ms, string why = "") => line($"  {label,-52} {f(ms, "F3"),7}  {why}".TrimEnd());
        line($"CPU ms per settlement on {cores} cores, server + database + load generator together");
        if (CpuMsPerOperation(result, "gigs +") is { } measured) Row("measured, incl. projection", measured);
        Row($"allowed by {ThroughputTarget:F0} settlements/s", cores * 1000 / ThroughputTarget);
        if (result.LowerFloor is { } floor)
        {
            var rate = FloorShareTarget * floor;
            Row($"allowed by {FloorShareTarget * 100:F0} % of the lower floor ({f(rate, "F0")}/s)", cores * 1000 / rate);
        }
        if (CpuMsPerOperation(result, "API floor") is { } call)
        {
            Row("3 health-check calls (3 × the API floor's)", 3 * call, "a settlement is 3 calls");
        }
        if (CpuMsPerOperation(result, "persistence floor") is { } insert)
        {
            Row("3 INSERT transactions (3 × the persistence floor's)", 3 * insert, "each call persists before it replies");
        }
        // Little's law: a closed loop of N clients keeps N settlements in flight, so the mean latency is N ÷ rate, and
        // a p99 under the target needs, in practice, a mean under it.
        line($"  p99 <= {P99TargetMs:F0} ms: {result.Clients} clients in a closed loop reach a mean under {P99TargetMs:F0} ms " +
            $"only above {result.Clients / (P99TargetMs / 1000):F0} settlements/s (Little's law)");
    }

    private static int Cores(RunResult result) => result.Cpu.Count > 0 ? result.Cpu[0].Usage.Cores : Environment.ProcessorCount;

    // Server, database and load generator CPU per operation of the first phase whose name starts so (ms), if measured.
    private static double? CpuMsPerOperation(RunResult result, string phasePrefix)
    {
        foreach (var (phase, usage, operations) in result.Cpu)
        {
            var total = usage.ServerSeconds + usage.PostgresSeconds + usage.LoadGeneratorSeconds;
            if (phase.StartsWith(phasePrefix, StringComparison.Ordinal) && total > 0) return 1000.0 * total / Math.Max(1, operations);
        }
        return null;
    }
}
