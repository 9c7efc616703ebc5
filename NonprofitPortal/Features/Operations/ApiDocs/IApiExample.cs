namespace NonprofitPortal.Features.Operations.ApiDocs;

/// <summary>
/// A request or response type that shows an example of itself in the API documentation
/// (<c>/api/docs</c>): written next to the type, so it changes when the type does.
/// </summary>
public interface IApiExample<TSelf> where TSelf : IApiExample<TSelf>
{
    static abstract TSelf Example { get; }
}
