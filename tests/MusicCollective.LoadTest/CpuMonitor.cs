using System.Diagnostics;
using System.Globalization;

namespace MusicCollective.LoadTest;

/// <summary>CPU seconds used by each party during a phase, and by the whole machine.</summary>
public sealed record CpuUsage(TimeSpan Wall, double ServerSeconds, double PostgresSeconds, double LoadGeneratorSeconds,
    double MachineBusySeconds, int Cores)
{
    /// <summary>CPU seconds the machine had in the phase (cores × wall time).</summary>
    public double AvailableSeconds => Cores * Wall.TotalSeconds;

    /// <summary>Busy CPU not accounted to the three parties (other processes on the machine, the kernel).</summary>
    public double OtherSeconds => Math.Max(0, MachineBusySeconds - ServerSeconds - PostgresSeconds - LoadGeneratorSeconds);

    /// <summary>A share of the available CPU, in percent.</summary>
    public double Percent(double seconds) => 100.0 * seconds / AvailableSeconds;
}

/// <summary>
/// Reads CPU time from /proc (Linux): the server process, the PostgreSQL postmaster listening on a port with all its
/// backends (and the time of backends that already exited, through the postmaster's cutime/cstime), this process,
/// and the machine's busy time. Elsewhere every reading is zero.
/// </summary>
public sealed class CpuMonitor(Func<int?> serverPid, int? postgresPort)
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>A reading now, to be subtracted from a later one.</summary>
    public Snapshot Take() => new(Stopwatch.GetTimestamp(), ProcessSeconds(serverPid(), includeChildren: false),
        PostgresSeconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, MachineBusySeconds());

    /// <summary>The usage between two readings.</summary>
    public static CpuUsage Between(Snapshot start, Snapshot end) => new(
        Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp),
        Math.Max(0, end.Server - start.Server), Math.Max(0, end.Postgres - start.Postgres),
        Math.Max(0, end.LoadGenerator - start.LoadGenerator), Math.Max(0, end.MachineBusy - start.MachineBusy),
        Environment.ProcessorCount);

    /// <summary>CPU seconds so far of each party.</summary>
    public sealed record Snapshot(long Timestamp, double Server, double Postgres, double LoadGenerator, double MachineBusy);

    private double PostgresSeconds()
    {
        if (postgresPort is not { } port || !OperatingSystem.IsLinux()) return 0;
        var postmaster = FindPostmaster(port);
        if (postmaster is null) return 0;
        var total = ProcessSeconds(postmaster, includeChildren: true);
        foreach (var pid in Pids())
        {
            if (ParentOf(pid) == postmaster) total += ProcessSeconds(pid, includeChildren: false);
        }
        return total;
    }

    private int? _postmaster;

    private int? FindPostmaster(int port)
    {
        if (_postmaster is { } known && File.Exists($"/proc/{known}/stat")) return known;
        var portText = port.ToString(CultureInfo.InvariantCulture);
        foreach (var pid in Pids())
        {
            try
            {
                var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
                var isPostgres = arguments.Length > 0 && Path.GetFileName(arguments[0]) == "postgres";
                if (isPostgres && arguments.Contains("-p") && arguments.Contains(portText))
                {
                    _postmaster = pid;
                    return pid;
                }
                // pg_ctl -o passes the options as one argument list; they may also arrive split by spaces.
                if (isPostgres && string.Join(' ', arguments).Contains($"-p {portText} ", StringComparison.Ordinal))
                {
                    _postmaster = pid;
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    private static IEnumerable<int> Pids()
    {
        if (!Directory.Exists("/proc")) yield break;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    // /proc/PID/stat fields after "(comm)": state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17).
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return close < 0 ? null : text[(close + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? ParentOf(int pid) =>
        StatFields(pid) is { Length: > 1 } fields && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var ppid)
            ? ppid
            : null;

    private static double ProcessSeconds(int? pid, bool includeChildren)
    {
        if (pid is null || !OperatingSystem.IsLinux()) return 0;
        var fields = StatFields(pid.Value);
        if (fields is null || fields.Length < 15) return 0;
        // fields[0] is field 3 (state): field n is fields[n - 3].
        double Field(int n) => double.Parse(fields[n - 3], CultureInfo.InvariantCulture);
        var ticks = Field(14) + Field(15);
        if (includeChildren) ticks += Field(16) + Field(17);
        return ticks / TicksPerSecond;
    }

    private static double MachineBusySeconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var first = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...
        var values = first.Skip(1).Take(8).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Sum();
        var idle = values[3] + values[4];
        return (total - idle) / TicksPerSecond;
    }
}
