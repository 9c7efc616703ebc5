namespace NonprofitPortal.Tests.Integration.Sending;

[CollectionDefinition(Name)]
public sealed class SenderDomainHostCollection : ICollectionFixture<SenderDomainHost>
{
    public const string Name = "Sender-domain host";
}
