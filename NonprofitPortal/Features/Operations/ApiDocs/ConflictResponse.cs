namespace NonprofitPortal.Features.Operations.ApiDocs;

/// <summary>
/// An endpoint's word that it can answer 409, and when: the API document lists 409 only on the
/// endpoints that carry it (<see cref="StandardResponses"/>), with this text.
/// </summary>
public sealed record ConflictResponse(string When);

public static class ConflictResponseExtensions
{
    /// <param name="when">When the endpoint answers 409, for the API document: "a stale `If-Match`", "the name is taken".</param>
    public static RouteHandlerBuilder Conflicts(this RouteHandlerBuilder builder, string when) => builder.WithMetadata(new ConflictResponse(when));
}
