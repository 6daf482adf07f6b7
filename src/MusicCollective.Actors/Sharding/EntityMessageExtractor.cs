using Akka.Cluster.Sharding;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;

namespace MusicCollective.Actors.Sharding;

/// <summary>Routes member, band and gig messages to their entity by id, spread over <see cref="ShardCount"/> shards.</summary>
public sealed class EntityMessageExtractor() : HashCodeMessageExtractor(ShardCount)
{
    /// <summary>Shards per entity type: ten per node for a ten-node cluster, cheap on one node.</summary>
    public const int ShardCount = 100;

    /// <inheritdoc />
    public override string? EntityId(object message) => message switch
    {
        IWithGigId gig => gig.GigId,
        IWithBandId band => band.BandId,
        IWithMemberId member => member.MemberId,
        _ => null,
    };
}
