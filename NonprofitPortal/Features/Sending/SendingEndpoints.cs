using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Sending.DomainCheck;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

public static class SendingEndpoints
{
    public static IEndpointRouteBuilder MapSendingEndpoints(this IEndpointRouteBuilder app)
    {
        var servers = app.MapGroup("/api/mail/servers").WithTags("Mail servers").RequireAuthorization(Permissions.UsersManage);
        servers.MapGet("/", (MailServers all) => TypedResults.Ok(all.Statuses())).WithName("ListMailServers")
            .WithSummary("List the SMTP servers and their health");
        servers.MapPost("/{name}/test", SendTest).WithName("TestMailServer")
            .WithSummary("Send a test message through one SMTP server").WithDescription("To the signed-in user's own address.");
        app.MapGet("/api/mail/domain-check", CheckDomain).WithName("CheckSenderDomain")
            .WithSummary("Check the sender domain's DNS").WithDescription("SPF, DKIM, DMARC and the return path, each with advice when it is missing or wrong.").WithTags("Mail servers").RequireAuthorization(Permissions.UsersManage);
        return app;
    }

    private static async Task<Results<Ok<DomainReport>, ProblemHttpResult>> CheckDomain(string? domain, SenderDomainCheck check, CancellationToken cancellationToken)
    {
        var result = await check.CheckAsync(domain, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : ProblemResults.From(result);
    }

    private static async Task<Results<Ok<ServerTestResponse>, ProblemHttpResult>> SendTest(
        string name, ServerTestMessages tests, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var delivery = await tests.SendAsync(name, user, cancellationToken);
        return delivery switch
        {
            null => ProblemResults.From(OperationResult.NotFound($"No mail server is named '{name}'.")),
            Delivery.Accepted accepted => TypedResults.Ok(new ServerTestResponse(name, accepted.Reply)),
            _ => TypedResults.Problem(delivery.Reply, statusCode: StatusCodes.Status502BadGateway, title: $"{name} did not take the test message."),
        };
    }
}

public sealed record ServerTestResponse(string Server, string Reply);
