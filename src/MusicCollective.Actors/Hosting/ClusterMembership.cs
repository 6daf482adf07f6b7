using Akka.Actor;
using Akka.Cluster;

namespace MusicCollective.Actors.Hosting;

/// <summary>
/// This node's membership in its Akka cluster, as the readiness probe asks about it: only an Up member hosts shards
/// and can reach the coordinator and the projection singleton, so a node that is still joining, leaving or was
/// downed must not take traffic. Keeps Akka types inside this project (the API sees a bool and a word).
/// </summary>
public sealed class ClusterMembership(ActorSystem system)
{
    /// <summary>Whether this node is an Up member of its cluster.</summary>
    public bool IsUp => Cluster.Get(system).SelfMember.Status == MemberStatus.Up;

    /// <summary>This node's member status as a word ("Joining", "Up", "Leaving", …), for messages.</summary>
    public string Status => Cluster.Get(system).SelfMember.Status.ToString();
}
