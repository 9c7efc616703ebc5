using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Sending.DomainCheck;

internal sealed class DnsOptionsValidator : IValidateOptions<DnsOptions>
{
    public ValidateOptionsResult Validate(string? name, DnsOptions options)
    {
        var endpoints = options.Endpoints();
        var failures = Enumerable.Range(0, endpoints.Count)
            .Where(i => endpoints[i] is null)
            .Select(i => $"Mail:DnsServers:{i} '{options.DnsServers[i]}' must be a resolver's IP address with an optional port, e.g. 10.0.0.2 or 127.0.0.1:5353.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
