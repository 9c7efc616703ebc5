using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace NonprofitPortal.Tests.Integration.Operations;

public sealed class LoggingTests
{
    [Theory]
    [InlineData("Production", "json")]
    [InlineData("Development", "simple")]
    public async Task The_console_writes_json_outside_development(string environment, string formatter)
    {
        await using var host = new PortalHost(environment: environment);

        var options = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(formatter, options.FormatterName);
    }
}
