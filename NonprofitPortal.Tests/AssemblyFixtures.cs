using NonprofitPortal.Tests.Infrastructure;

// One of each real server per test run, shared by every test that asks for it.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(ChromiumBrowser))]
[assembly: AssemblyFixture(typeof(DovecotServer))]
[assembly: AssemblyFixture(typeof(DnsServer))]
