namespace NonprofitPortal.Features;

public enum OperationError
{
    None,
    Validation,
    NotFound,
    Conflict,

    /// <summary>A conflict the user can lift: the address was erased on request (<see cref="OperationResult.ErasedAt"/>) and comes back only when they confirm.</summary>
    ErasedEarlier,
}

/// <summary>
/// The outcome of a command that can be refused for a reason the user should read. Pages show
/// <see cref="Message"/>; endpoints turn it into problem details (400 / 404 / 409).
/// </summary>
public record OperationResult(OperationError Error, string? Message, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public bool Succeeded => Error == OperationError.None;

    /// <summary>For <see cref="OperationError.ErasedEarlier"/>: when the address was erased.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    public static OperationResult Ok() => new(OperationError.None, null);

    public static OperationResult NotFound(string message) => new(OperationError.NotFound, message);

    public static OperationResult Conflict(string message) => new(OperationError.Conflict, message);

    public static OperationResult ErasedEarlier(string message, DateTimeOffset erasedAt) => new(OperationError.ErasedEarlier, message) { ErasedAt = erasedAt };

    public static OperationResult Invalid(string field, string message) =>
        new(OperationError.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    public static OperationResult Invalid(IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new(OperationError.Validation, string.Join(" ", fieldErrors.SelectMany(f => f.Value)), fieldErrors);
}

public sealed record OperationResult<T>(OperationError Error, string? Message, T? Value, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
    : OperationResult(Error, Message, FieldErrors)
{
    public static OperationResult<T> Ok(T value) => new(OperationError.None, null, value);

    public static OperationResult<T> From(OperationResult failure) => new(failure.Error, failure.Message, default, failure.FieldErrors) { ErasedAt = failure.ErasedAt };
}
