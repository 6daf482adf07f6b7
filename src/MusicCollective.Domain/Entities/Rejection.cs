using MusicCollective.Domain.Errors;

namespace MusicCollective.Domain.Entities;

/// <summary>Why an entity refused a command. Maps one-to-one onto gRPC status codes.</summary>
public enum RejectionKind
{
    /// <summary>The request itself is wrong (INVALID_ARGUMENT).</summary>
    InvalidArgument = 1,
    /// <summary>The request is fine but the entity is not in a state to accept it (FAILED_PRECONDITION).</summary>
    FailedPrecondition = 2,
    /// <summary>The entity does not exist (NOT_FOUND).</summary>
    NotFound = 3,
    /// <summary>The entity already exists (ALREADY_EXISTS).</summary>
    AlreadyExists = 4,
    /// <summary>The request id was used before for a different payload (ALREADY_EXISTS with a request_id violation).</summary>
    RequestIdReused = 5,
}

/// <summary>A refused command: the kind, and every error found.</summary>
public sealed record Rejection(RejectionKind Kind, IReadOnlyList<DomainError> Errors)
{
    /// <summary>A rejection with one error.</summary>
    public static Rejection Of(RejectionKind kind, DomainErrorCode code, string field, string message) =>
        new(kind, [new DomainError(code, field, message)]);

    /// <summary>The standard refusal of a request id reused for another payload.</summary>
    public static Rejection RequestIdReused(string requestId) =>
        Of(RejectionKind.RequestIdReused, DomainErrorCode.Duplicate, "request_id",
            $"request_id '{requestId}' was already used for a different request");

    /// <summary>The entity does not exist.</summary>
    public static Rejection NotFound(string field, string what) =>
        Of(RejectionKind.NotFound, DomainErrorCode.Required, field, $"{what} does not exist");
}
