using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace MusicCollective.Server.Tests;

/// <summary>
/// The real server as a child process: <c>dotnet MusicCollective.Server.dll --urls http://127.0.0.1:PORT</c>, started,
/// killed with SIGKILL and started again on the same storage and the same port, so one client channel (like a real
/// client's) outlives every restart. Each run's output goes to its own log file; the last lines are kept for errors.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Longest wait for a started server to answer its health check.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Exit code .NET reports on Linux for a process ended by SIGKILL (128 + 9).</summary>
    public const int SigkillExitCode = 137;

    private const int TailLinesMax = 80;

    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logDirectory;
    private readonly object _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly List<string> _errorLines = [];
    private readonly List<string> _warningLines = [];
    private Process? _process;
    private StreamWriter? _log;

    /// <summary>A server that will run with <paramref name="environment"/> (storage, signing key), logging into
    /// <paramref name="logDirectory"/>. Nothing starts yet.</summary>
    public ServerProcess(IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        _environment = environment;
        _logDirectory = logDirectory;
        Directory.CreateDirectory(logDirectory);
        Port = FreeLoopbackPort();
        Channel = NewChannel(Port);
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The loopback port the server listens on, the same for every start.</summary>
    public int Port { get; }

    /// <summary>One channel for the whole test: clients keep it across crashes, as a real client would.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Times started.</summary>
    public int Starts { get; private set; }

    /// <summary>Times killed with SIGKILL.</summary>
    public int Kills { get; private set; }

    /// <summary>Exit codes of the killed runs, in order.</summary>
    public List<int> KillExitCodes { get; } = [];

    /// <summary>Time from process start to ready, per start.</summary>
    public List<TimeSpan> ReadyTimes { get; } = [];

    /// <summary>CPU time the server process had used when it became ready, per start.</summary>
    public List<TimeSpan> ReadyCpuTimes { get; } = [];

    /// <summary>Error lines (Akka [ERROR], ASP.NET fail/crit) the server printed, prefixed by the run number.</summary>
    public IReadOnlyList<string> ErrorLines
    {
        get
        {
            lock (_gate) return _errorLines.ToList();
        }
    }

    /// <summary>Warning lines (Akka [WARNING], ASP.NET warn) the server printed, prefixed by the run number.</summary>
    public IReadOnlyList<string> WarningLines
    {
        get
        {
            lock (_gate) return _warningLines.ToList();
        }
    }

    /// <summary>Whether a started process is still running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// A call that succeeds once the server really serves (an entity answers, not only Kestrel); null to rely on the
    /// health service alone. Sent on a fresh channel, with a short deadline, until it succeeds.
    /// </summary>
    public Func<GrpcChannel, DateTime, Task>? ReadinessProbe { get; set; }

    /// <summary>Where to note how the start went (probe timings), if anywhere.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>
    /// Starts the server and waits until the gRPC health service says SERVING and, when set, the
    /// <see cref="ReadinessProbe"/> succeeds.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning) throw new InvalidOperationException("the server is already running");
        var run = ++Starts;
        var clock = Stopwatch.StartNew();
        StartProcess(run);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process!.HasExited)
            {
                await _process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException(
                    $"the server (start #{run}) exited with {_process.ExitCode} before it was ready.{Tail()}");
            }
            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"the server (start #{run}) was not ready within {ReadyTimeout}.{Tail()}");
            }
            try
            {
                using var probe = NewChannel(Port);
                var reply = await new Health.HealthClient(probe).CheckAsync(new HealthCheckRequest(),
                    deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    if (ReadinessProbe is null) break;
                    var probed = Stopwatch.StartNew();
                    try
                    {
                        await ReadinessProbe(probe, DateTime.UtcNow.AddSeconds(5));
                    }
                    finally
                    {
                        Log?.Invoke($"start #{run}: readiness probe at {clock.Elapsed.TotalMilliseconds:F0} ms took {probed.Elapsed.TotalMilliseconds:F0} ms");
                    }
                    break;
                }
            }
            catch (RpcException)
            {
                // Not listening yet. Each probe has a channel of its own: a channel that failed to connect waits
                // out a reconnect backoff, and "ready" is when the server answers, not when that backoff ends.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
        ReadyTimes.Add(clock.Elapsed);
        _process!.Refresh();
        ReadyCpuTimes.Add(_process.TotalProcessorTime);
        Log?.Invoke($"start #{run}: ready after {clock.Elapsed.TotalMilliseconds:F0} ms, " +
            $"{_process.TotalProcessorTime.TotalMilliseconds:F0} ms of CPU");
    }

    /// <summary>Kills the running server with SIGKILL and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("the server was never started");
        // On Linux Process.Kill sends SIGKILL: no shutdown hook, no flush, no graceful close of anything.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        Kills++;
        KillExitCodes.Add(process.ExitCode);
        CloseLog();
    }

    /// <summary>The last lines the server printed.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            return _tail.Count == 0 ? "" : Environment.NewLine + "Server output (last lines):" + Environment.NewLine +
                string.Join(Environment.NewLine, _tail);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (IsRunning)
        {
            _process!.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process?.Dispose();
        CloseLog();
        Channel.Dispose();
    }

    private void StartProcess(int run)
    {
        var assembly = ServerBuild.AssemblyPath;
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory: appsettings.json (HTTP/2 endpoints, issuer) is found there.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[assembly, "--urls", $"http://127.0.0.1:{Port}"]) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Kestrel__EndpointDefaults__Protocols"] = "Http2";
        foreach (var (name, value) in _environment) start.Environment[name] = value;

        lock (_gate)
        {
            _tail.Clear();
            _log = new StreamWriter(Path.Combine(_logDirectory, $"server-{run:D2}.log")) { AutoFlush = true };
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(run, e.Data);
        process.ErrorDataReceived += (_, e) => Record(run, e.Data);
        if (!process.Start()) throw new InvalidOperationException("dotnet did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process?.Dispose();
        _process = process;
    }

    private void Record(int run, string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            _log?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
            _tail.Enqueue(line);
            while (_tail.Count > TailLinesMax) _tail.Dequeue();
            if (line.Contains("[ERROR]", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
                || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                _errorLines.Add($"#{run}: {line}");
            }
            if (line.Contains("[WARNING]", StringComparison.Ordinal) || line.StartsWith("warn:", StringComparison.Ordinal))
            {
                _warningLines.Add($"#{run}: {line}");
            }
        }
    }

    private void CloseLog()
    {
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (IsRunning) _process!.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    // After a failed connection the channel waits before it connects again, failing calls fast meanwhile; the
    // default backoff (1 s growing to 2 min) would keep clients away from a restarted server for longer and longer.
    // A client of a payments API that expects restarts reconnects promptly: 100 ms growing to 1 s.
    private static GrpcChannel NewChannel(int port) =>
        GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(2),
                EnableMultipleHttp2Connections = true,
            },
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
            MaxReconnectBackoff = TimeSpan.FromSeconds(1),
            MaxRetryAttempts = 0,
        });

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
