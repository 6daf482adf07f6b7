namespace MusicCollective.Actors.Sharding;

/// <summary>Registry key of the member shard region.</summary>
public sealed class MemberRegion;

/// <summary>Registry key of the band shard region.</summary>
public sealed class BandRegion;

/// <summary>Registry key of the gig shard region.</summary>
public sealed class GigRegion;

/// <summary>Registry key of the read-model projection singleton.</summary>
public sealed class ReadModelProjectionKey;
