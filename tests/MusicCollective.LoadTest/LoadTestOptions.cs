using System.Globalization;
using System.Reflection;

namespace MusicCollective.LoadTest;

/// <summary>Which database the server under load stores its journal and read model in.</summary>
public enum StorageMode
{
    /// <summary>A throwaway PostgreSQL server (the benchmark's subject).</summary>
    PostgreSql,

    /// <summary>Embedded SQLite files in a temporary folder (for comparison).</summary>
    Sqlite,
}

/// <summary>The benchmark's knobs, parsed from the command line (every one has a default; see <see cref="Usage"/>).</summary>
public sealed record LoadTestOptions
{
    /// <summary>Gigs registered and settled in the timed phase; also the call count of each floor.</summary>
    public int Gigs { get; init; } = 20_000;

    /// <summary>Concurrent clients, each its own loop over its share of the work.</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Clients sharing one gRPC channel (one HTTP/2 connection each): 32 clients / 4 = 8 channels.</summary>
    public int ClientsPerChannel { get; init; } = 4;

    /// <summary>Bands set up (5 members each); gigs go round-robin over them.</summary>
    public int Bands { get; init; } = 50;

    /// <summary>
    /// Untimed gigs (and floor calls) run first so both processes are warm: the server's tiered JIT keeps recompiling
    /// hot code for tens of seconds under load, which on two cores costs a tenth to a third of a settlement's CPU while
    /// it lasts. 10,000 gigs are about 20 s at the server's current rate (measured: server CPU per settlement 2.43 ms
    /// after 4,000 warm-up gigs, 2.26 ms after 10,000).
    /// </summary>
    public int Warmup { get; init; } = 10_000;

    /// <summary>Where the server's state lives.</summary>
    public StorageMode Storage { get; init; } = StorageMode.PostgreSql;

    /// <summary>The built server (MusicCollective.Server.dll); defaults to the one built beside this program.</summary>
    public string ServerAssembly { get; init; } = DefaultServerAssembly();

    /// <summary>Extra environment variables for the server (experiments: <c>--server-env KEY=VALUE</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerEnvironment { get; init; } = [];

    /// <summary>Extra connection-string keywords for the server's PostgreSQL connection string.</summary>
    public string ServerConnectionOptions { get; init; } = "";

    /// <summary>Skip the two floors (a quicker run while experimenting).</summary>
    public bool SkipFloors { get; init; }

    /// <summary>Exit with code 2 when a target is missed.</summary>
    public bool FailOnMiss { get; init; }

    /// <summary>Keep the server's log (and SQLite files) instead of deleting them.</summary>
    public bool KeepFiles { get; init; }

    /// <summary>The command-line help.</summary>
    public const string Usage = """
        MusicCollective load benchmark: register and settle gigs through gRPC against the real server, plus two floors.

        Usage: dotnet tests/MusicCollective.LoadTest/bin/Release/net10.0/MusicCollective.LoadTest.dll [options]

          --gigs N                 gigs in the timed phase, and calls per floor (default 20000)
          --clients N              concurrent clients (default 32)
          --clients-per-channel N  clients sharing one gRPC channel / HTTP/2 connection (default 4)
          --bands N                bands of five members set up before the timed phase (default 50)
          --warmup N               untimed gigs (and floor calls) before each measurement (default 10000)
          --sqlite                 run the server on SQLite files instead of PostgreSQL (comparison)
          --server-dll PATH        the server to start (default: the Release build beside this repository)
          --server-env KEY=VALUE   extra environment variable for the server (repeatable)
          --server-cs-options S    extra keywords appended to the server's PostgreSQL connection string
          --skip-floors            measure only the gigs
          --fail-on-miss           exit with code 2 when a target is missed
          --keep-files             keep the server log (and SQLite files)
        """;

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are wrong.</summary>
    public static LoadTestOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new LoadTestOptions();
        var environment = new List<KeyValuePair<string, string>>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count) throw new FormatException($"{name} needs a value");
                return args[++i];
            }

            int Count(int min)
            {
                var text = Value();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
                {
                    throw new FormatException($"{name} must be a whole number of at least {min}, not '{text}'");
                }
                return value;
            }

            try
            {
                options = name switch
                {
                    "--gigs" => options with { Gigs = Count(1) },
                    "--clients" => options with { Clients = Count(1) },
                    "--clients-per-channel" => options with { ClientsPerChannel = Count(1) },
                    "--bands" => options with { Bands = Count(1) },
                    "--warmup" => options with { Warmup = Count(0) },
                    "--sqlite" => options with { Storage = StorageMode.Sqlite },
                    "--server-dll" => options with { ServerAssembly = Path.GetFullPath(Value()) },
                    "--server-cs-options" => options with { ServerConnectionOptions = Value() },
                    "--skip-floors" => options with { SkipFloors = true },
                    "--fail-on-miss" => options with { FailOnMiss = true },
                    "--keep-files" => options with { KeepFiles = true },
                    "--server-env" => AddEnvironment(options, Value(), environment),
                    _ => throw new FormatException($"unknown option '{name}'"),
                };
            }
            catch (FormatException exception)
            {
                error = exception.Message;
                return null;
            }
        }
        return options with { ServerEnvironment = environment };
    }

    private static LoadTestOptions AddEnvironment(LoadTestOptions options, string pair,
        List<KeyValuePair<string, string>> environment)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) throw new FormatException($"--server-env takes KEY=VALUE, not '{pair}'");
        environment.Add(new(pair[..equals], pair[(equals + 1)..]));
        return options;
    }

    private static string DefaultServerAssembly() =>
        typeof(LoadTestOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ServerAssemblyPath")?.Value ?? "MusicCollective.Server.dll";

    /// <summary>The configuration this program was built in (Release for a meaningful run).</summary>
    public static string BuildConfiguration =>
        typeof(LoadTestOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BuildConfiguration")?.Value ?? "unknown";
}
