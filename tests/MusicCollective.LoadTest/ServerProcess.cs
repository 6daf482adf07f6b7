using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace MusicCollective.LoadTest;

/// <summary>
/// The real MusicCollective server as a child process (<c>dotnet MusicCollective.Server.dll --urls ...</c>) on a free
/// loopback port, its output going to a log file so the benchmark's own output stays clean. Stopped with SIGTERM
/// (graceful: the actor system leaves its cluster), killed if it does not exit in time.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Longest wait for the server to answer its health check as SERVING.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private int _stopped;

    private ServerProcess(Process process, StreamWriter log, string logPath, Uri address)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Address = address;
        _stdout = PumpAsync(process.StandardOutput, log);
        _stderr = PumpAsync(process.StandardError, log);
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The server's base address, http://127.0.0.1:port.</summary>
    public Uri Address { get; }

    /// <summary>Where the server's output goes.</summary>
    public string LogPath { get; }

    /// <summary>The server's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time the server process used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the server with <paramref name="environment"/> and waits until its health check answers SERVING.</summary>
    public static async Task<ServerProcess> StartAsync(string serverAssembly, IReadOnlyDictionary<string, string> environment,
        string logPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(serverAssembly))
        {
            throw new InvalidOperationException(
                $"the server is not built at {serverAssembly}: run `dotnet build tests/MusicCollective.LoadTest -c Release` " +
                "(it builds the server too) or pass --server-dll");
        }
        var port = FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo
        {
            FileName = "dotnet",
            WorkingDirectory = Path.GetDirectoryName(serverAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[serverAssembly, "--urls", address.ToString().TrimEnd('/')])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        }
        catch
        {
            await log.DisposeAsync();
            throw;
        }
        var server = new ServerProcess(process, log, logPath, address);
        try
        {
            await server.WaitUntilServingAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines of the server's log, for an error message.</summary>
    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Stops the server: SIGTERM, then a kill if it has not exited within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        try
        {
            if (!_process.HasExited)
            {
                _ = SendSignal(_process.Id, SignalTerminate);
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
            await Task.WhenAll(_stdout, _stderr).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The output pumps did not finish: the log may lack its last lines, nothing more.
        }
        finally
        {
            _process.Dispose();
            await _log.DisposeAsync();
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        Exception? last = null;
        while (deadline.Elapsed < ReadyTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"the server exited with code {_process.ExitCode} before it was ready; its log ({LogPath}):\n{LogTail()}");
            }
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(),
                    deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (Grpc.Core.RpcException exception)
            {
                last = exception;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        throw new InvalidOperationException(
            $"the server did not answer SERVING within {ReadyTimeout.TotalSeconds} s ({last?.Message}); its log ({LogPath}):\n{LogTail()}");
    }

    private static async Task PumpAsync(StreamReader reader, StreamWriter log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log) log.WriteLine(line);
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        // Last resort when this program ends without disposing: never leave a server running.
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SignalTerminate = 15;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
}
