using MusicCollective.Domain.Gigs;
using MusicCollective.Grpc.Services;

namespace MusicCollective.Api.Tests.Services;

/// <summary>The server remembers only what never changes about a gig that exists: its band and date.</summary>
public sealed class KnownGigsTests
{
    /// <summary>Proves a registered gig's band and date are remembered and a gig that does not exist is not.</summary>
    [Fact]
    public void Remembers_the_band_and_date_of_existing_gigs_only()
    {
        var known = new KnownGigs();
        var gig = Registered("gig-1");

        Assert.Same(gig, known.Remember(gig));
        known.Remember(GigState.Initial("gig-2"));

        Assert.True(known.TryGet("gig-1", out var home));
        Assert.Equal(new GigHome("band-1", new DateOnly(2026, 5, 1)), home);
        Assert.False(known.TryGet("gig-2", out _));
    }

    /// <summary>Proves a full memory starts over rather than growing without bound.</summary>
    [Fact]
    public void A_full_memory_starts_over()
    {
        var known = new KnownGigs(capacity: 2);
        foreach (var id in (string[])["gig-1", "gig-2", "gig-3"])
        {
            known.Remember(Registered(id));
        }

        Assert.False(known.TryGet("gig-1", out _));
        Assert.True(known.TryGet("gig-3", out _));
    }

    private static GigState Registered(string gigId) =>
        GigState.Initial(gigId) with { Exists = true, BandId = "band-1", Date = new DateOnly(2026, 5, 1) };
}
