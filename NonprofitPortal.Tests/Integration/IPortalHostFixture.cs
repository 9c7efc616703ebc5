namespace NonprofitPortal.Tests.Integration;

/// <summary>A shared host on one provider; tests written against it run on every provider that has a fixture.</summary>
public interface IPortalHostFixture
{
    /// <summary>The host; skips (or fails under REQUIRE_INTEGRATION) when its database server is missing.</summary>
    PortalHost Host { get; }
}
