using System.Diagnostics;
using Xunit.Sdk;

namespace MusicCollective.Api.Tests.Support;

/// <summary>
/// Waits for an asynchronous consequence: balances, entries and lists come from the read model, which a projection
/// fills from the journal (polled every ~100 ms), so a test reads until the expected value shows or a timeout passes.
/// </summary>
public static class Eventually
{
    /// <summary>Longest wait for the projection to catch up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Pause between reads.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads with <paramref name="read"/> until <paramref name="done"/> holds, and returns that value; fails with the
    /// last value read (described by <paramref name="what"/>) when <see cref="Timeout"/> passes first.
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? Timeout;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (clock.Elapsed > limit)
            {
                throw new XunitException($"{what}: not reached within {limit.TotalSeconds} s; last value read: {value}");
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>Runs <paramref name="assert"/> until it passes; rethrows its last failure when the timeout passes.</summary>
    public static async Task Holds(Func<Task> assert, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? Timeout;
        while (true)
        {
            try
            {
                await assert();
                return;
            }
            catch (XunitException) when (clock.Elapsed <= limit)
            {
                await Task.Delay(Interval);
            }
        }
    }
}
