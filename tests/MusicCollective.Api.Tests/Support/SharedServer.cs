namespace MusicCollective.Api.Tests.Support;

/// <summary>
/// One server per test class (xunit class fixture), started by the first test that asks and stopped after the last.
/// Tests sharing it use unique ids, so they never see each other's members, bands or gigs.
/// </summary>
public sealed class SharedServer : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestServer? _server;

    /// <summary>The class's server, started with <paramref name="start"/> on first use.</summary>
    public async Task<TestServer> GetAsync(Func<Task<TestServer>> start)
    {
        await _gate.WaitAsync();
        try
        {
            return _server ??= await start();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is null) return;
        await _server.DisposeAsync();
        _server.Storage.Delete();
    }
}
