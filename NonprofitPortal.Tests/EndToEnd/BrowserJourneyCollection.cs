namespace NonprofitPortal.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class BrowserJourneyCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser journeys";
}
