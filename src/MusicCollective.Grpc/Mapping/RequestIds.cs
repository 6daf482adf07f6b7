using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;

namespace MusicCollective.Grpc.Mapping;

/// <summary>
/// Checks the entity ids a request names before anything is asked of an entity: a malformed id is INVALID_ARGUMENT
/// naming its field (it reveals nothing about what exists), and an empty one never reaches the shard router.
/// </summary>
public static class RequestIds
{
    /// <summary>Throws INVALID_ARGUMENT naming every malformed id among (id, field) pairs.</summary>
    public static void Require(params (string Id, string Field)[] ids)
    {
        var errors = new List<DomainError>();
        foreach (var (id, field) in ids) EntityIds.Check(id, field, errors);
        DomainException.ThrowIfAny(errors);
    }
}
