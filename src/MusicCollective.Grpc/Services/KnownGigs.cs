using System.Collections.Concurrent;
using MusicCollective.Domain.Gigs;

namespace MusicCollective.Grpc.Services;

/// <summary>
/// The band and date of the gigs this server has seen. Both are fixed when a gig is registered (no later event
/// changes them), so what is remembered never goes stale, and a call about a gig can check the caller against the
/// gig's band without first asking the gig entity: two asks fewer per settlement. Everything else about a gig is
/// asked of its entity every time; only existing gigs are remembered.
/// </summary>
public sealed class KnownGigs(int capacity = KnownGigs.CapacityDefault)
{
    /// <summary>How many gigs are remembered at most; beyond that the memory starts over (a miss only costs an ask).</summary>
    public const int CapacityDefault = 100_000;

    private readonly ConcurrentDictionary<string, GigHome> _homes = new(StringComparer.Ordinal);

    // Counted here because ConcurrentDictionary.Count takes every lock, and every new gig passes through Remember.
    private int _count;

    /// <summary>The gig's band and date, if this server has seen the gig.</summary>
    public bool TryGet(string gigId, out GigHome home) => _homes.TryGetValue(gigId, out home!);

    /// <summary>Remembers <paramref name="gig"/>'s band and date if it exists; returns the gig unchanged.</summary>
    public GigState Remember(GigState gig)
    {
        if (!gig.Exists || _homes.ContainsKey(gig.GigId)) return gig;
        if (Interlocked.Increment(ref _count) > capacity)
        {
            // Approximate under races (two callers adding one gig count it twice); it only bounds the memory.
            _homes.Clear();
            Interlocked.Exchange(ref _count, 1);
        }
        _homes.TryAdd(gig.GigId, GigHome.Of(gig));
        return gig;
    }
}

/// <summary>What never changes about a registered gig: the band that plays it and its date.</summary>
public sealed record GigHome(string BandId, DateOnly Date)
{
    /// <summary>The band and date of <paramref name="gig"/>.</summary>
    public static GigHome Of(GigState gig) => new(gig.BandId, gig.Date);
}
