using Akka.Actor;
using Akka.Hosting;
using MusicCollective.Actors.Sharding;
using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;

namespace MusicCollective.Actors.Hosting;

/// <summary>
/// The one door from the API into the entities: sends a command to its shard region and awaits the entity's reply.
/// An entity replies only after its events are durable, so a reply means the change is stored.
/// </summary>
public sealed class EntityGateway(
    IRequiredActor<MemberRegion> members,
    IRequiredActor<BandRegion> bands,
    IRequiredActor<GigRegion> gigs)
{
    /// <summary>How long a caller waits for an entity; the gRPC deadline, if shorter, wins.</summary>
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends a command to a member entity.</summary>
    public async Task<MemberReply> AskAsync(MemberCommand command, CancellationToken cancellationToken) =>
        await (await members.GetAsync(cancellationToken)).Ask<MemberReply>(command, AskTimeout, cancellationToken);

    /// <summary>Sends a command to a band entity.</summary>
    public async Task<BandReply> AskAsync(BandCommand command, CancellationToken cancellationToken) =>
        await (await bands.GetAsync(cancellationToken)).Ask<BandReply>(command, AskTimeout, cancellationToken);

    /// <summary>Sends a command to a gig entity.</summary>
    public async Task<GigReply> AskAsync(GigCommand command, CancellationToken cancellationToken) =>
        await (await gigs.GetAsync(cancellationToken)).Ask<GigReply>(command, AskTimeout, cancellationToken);
}
