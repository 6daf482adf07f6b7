using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;

namespace MusicCollective.Testing;

/// <summary>Where a <see cref="PostgresServer"/> runs.</summary>
public enum PostgresServerSource
{
    /// <summary>A container started through Testcontainers (a Docker engine answered).</summary>
    Docker = 1,

    /// <summary>The machine's PostgreSQL binaries, in a temporary directory.</summary>
    LocalBinaries = 2,
}

/// <summary>
/// A throwaway PostgreSQL server for tests. With a Docker engine it is a Testcontainers container; without one it is
/// the machine's own binaries (initdb, pg_ctl) run in a fresh temporary directory on a free loopback port, with trust
/// authentication and durability off (fsync) because nothing in it outlives the test run. As root, the server runs as
/// the <c>postgres</c> user (initdb refuses root). With neither Docker nor binaries <see cref="StartAsync"/> fails
/// with a message saying what to install: tests never skip.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>Longest wait for a server to accept connections.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for one of the server's command-line tools.</summary>
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Attempts with a new port when the one picked was taken in between.</summary>
    private const int PortAttemptsMax = 5;

    /// <summary>Container image when Docker is used; the same major version as the Debian binaries here.</summary>
    private const string ContainerImage = "postgres:15-alpine";

    private const string ServiceUser = "postgres";

    private readonly PostgreSqlContainer? _container;
    private readonly string? _directory;
    private readonly string? _binDirectory;
    private readonly NpgsqlDataSource _admin;
    private int _databaseCounter;
    private int _disposed;

    private PostgresServer(string connectionString, PostgresServerSource source, PostgreSqlContainer? container,
        string? directory, string? binDirectory)
    {
        ConnectionString = connectionString;
        Source = source;
        _container = container;
        _directory = directory;
        _binDirectory = binDirectory;
        _admin = NpgsqlDataSource.Create(connectionString);
        if (directory is not null) AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>Connection string of the server's <c>postgres</c> database, as the superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the server is a container or the machine's binaries.</summary>
    public PostgresServerSource Source { get; }

    /// <summary>Starts a server and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">Neither a Docker engine nor PostgreSQL binaries are available, or
    /// the server did not start; the message says why.</exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (DockerIsAvailable()) return await StartContainerAsync(cancellationToken);
        var binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL tests need a PostgreSQL server and none can be started here: no Docker engine answered " +
            "Testcontainers (TestcontainersSettings.OS.DockerEndpointAuthConfig is null), and no PostgreSQL server " +
            "binaries (initdb and pg_ctl) were found on PATH or under /usr/lib/postgresql/*/bin. Install them " +
            "(Debian: apt-get install postgresql; tests/run.sh does it) or start a Docker engine.");
        return await StartLocalAsync(binDirectory, cancellationToken);
    }

    /// <summary>
    /// Creates a fresh, empty database (UTF-8, C collation) and returns its connection string. The database's name is
    /// <paramref name="name"/> (letters, digits, underscores) plus a unique suffix, so tests never share one.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var prefix = name.ToLowerInvariant();
        if (!DatabaseNamePattern().IsMatch(prefix))
        {
            throw new ArgumentException(
                $"'{name}' is not a database name: use up to 40 letters, digits and underscores, starting with a letter",
                nameof(name));
        }
        var database = $"{prefix}_{Interlocked.Increment(ref _databaseCounter).ToString(CultureInfo.InvariantCulture)}";
        await using (var command = _admin.CreateCommand(
                         $"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>Stops the server (immediately: nothing in it is kept) and deletes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _admin.DisposeAsync();
        if (_container is not null)
        {
            await _container.DisposeAsync();
            return;
        }
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await StopLocalAsync(_binDirectory!, _directory!);
    }

    // ---- Docker ----

    private static bool DockerIsAvailable()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception)
        {
            return false; // no engine configuration at all: the same answer as "no engine".
        }
    }

    private static async Task<PostgresServer> StartContainerAsync(CancellationToken cancellationToken)
    {
        var container = new PostgreSqlBuilder(ContainerImage)
            .WithDatabase("postgres")
            .WithUsername("postgres")
            .WithPassword("postgres")
            .Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout * 3); // the first run may pull the image
            await container.StartAsync(timeout.Token);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
        return new PostgresServer(container.GetConnectionString(), PostgresServerSource.Docker, container, null, null);
    }

    // ---- local binaries ----

    /// <summary>The directory holding initdb and pg_ctl: from PATH (links resolved), else the newest Debian one.</summary>
    private static string? FindBinDirectory()
    {
        static bool HasTools(string directory) =>
            File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(directory, "initdb");
            if (!File.Exists(initdb)) continue;
            // pg_ctl finds the postgres executable beside itself, so use the real directory, not a link farm.
            var real = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
            var realDirectory = Path.GetDirectoryName(real)!;
            if (HasTools(realDirectory)) return realDirectory;
            if (HasTools(directory)) return directory;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot)) return null;
        return Directory.GetDirectories(debianRoot)
            .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var v) ? v : -1,
                Bin: Path.Combine(version, "bin")))
            .Where(candidate => HasTools(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static async Task<PostgresServer> StartLocalAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("mc-pg-").FullName;
        try
        {
            if (RunAsServiceUser) await RunAsync("chown", [ServiceUser, directory], false, directory, cancellationToken);
            var data = Path.Combine(directory, "data");
            await RunAsync(Path.Combine(binDirectory, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
                RunAsServiceUser, directory, cancellationToken);

            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                try
                {
                    // -k: the unix socket lives in our directory, not in /var/run/postgresql (which may not exist).
                    var options = string.Join(' ',
                        $"-p {port.ToString(CultureInfo.InvariantCulture)}", $"-k '{directory}'",
                        "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off",
                        "-c full_page_writes=off", "-c max_connections=200");
                    await RunAsync(Path.Combine(binDirectory, "pg_ctl"),
                        [
                            "-D", data, "-l", Path.Combine(directory, "postgres.log"), "-o", options, "-w",
                            "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "start",
                        ],
                        RunAsServiceUser, directory, cancellationToken);
                    var connectionString = new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres",
                        IncludeErrorDetail = true,
                    }.ConnectionString;
                    await WaitUntilAcceptingAsync(connectionString, cancellationToken);
                    return new PostgresServer(connectionString, PostgresServerSource.LocalBinaries, null, directory,
                        binDirectory);
                }
                catch (Exception) when (attempt < PortAttemptsMax && !cancellationToken.IsCancellationRequested)
                {
                    // Most likely the port was taken between probing and binding: stop whatever started, try another.
                    await TryStopAsync(binDirectory, data);
                }
            }
        }
        catch (Exception e)
        {
            var log = ReadLog(directory);
            await StopLocalAsync(binDirectory, directory);
            throw new InvalidOperationException(
                $"The local PostgreSQL server (binaries in {binDirectory}) did not start: {e.Message}{log}", e);
        }
    }

    private static async Task WaitUntilAcceptingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return;
            }
            catch (Exception) when (deadline.Elapsed < StartTimeout && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private static async Task StopLocalAsync(string binDirectory, string directory)
    {
        await TryStopAsync(binDirectory, Path.Combine(directory, "data"));
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the directory is in the temp folder, which the OS cleans in the end.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task TryStopAsync(string binDirectory, string data)
    {
        if (!File.Exists(Path.Combine(data, "postmaster.pid"))) return;
        try
        {
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"],
                RunAsServiceUser, Path.GetDirectoryName(data)!, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Not running after all; nothing to stop.
        }
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        // The test host exits without disposing fixtures when it is killed softly: do not leave a server running.
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        StopLocalAsync(_binDirectory!, _directory!).GetAwaiter().GetResult();
    }

    private static string ReadLog(string directory)
    {
        try
        {
            var log = Path.Combine(directory, "postgres.log");
            if (!File.Exists(log)) return "";
            var lines = File.ReadAllLines(log);
            return Environment.NewLine + "Server log (last lines):" + Environment.NewLine +
                string.Join(Environment.NewLine, lines.TakeLast(20));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>As root, the server's tools run as the postgres user: initdb refuses root.</summary>
    private static bool RunAsServiceUser => Environment.IsPrivilegedProcess;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a tool to completion; a non-zero exit is an <see cref="InvalidOperationException"/> with its output.</summary>
    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asServiceUser,
        string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServiceUser ? "runuser" : fileName,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            foreach (var argument in (string[])["-u", ServiceUser, "--", fileName]) start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} did not finish within {ToolTimeout.TotalSeconds} s");
        }
        var output = (await stdout + await stderr).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex DatabaseNamePattern();
}
