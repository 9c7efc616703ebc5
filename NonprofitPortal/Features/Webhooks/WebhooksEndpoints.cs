using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Webhooks.Api;

namespace NonprofitPortal.Features.Webhooks;

public static class WebhooksEndpoints
{
    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Permissions.WebhooksManage);
        webhooks.MapGet("/", List).WithName("ListWebhooks")
            .WithSummary("List outgoing webhook endpoints");
        webhooks.MapPost("/", Create).WithName("CreateWebhook")
            .WithSummary("Register an outgoing webhook endpoint").WithDescription("The 201 alone carries the signing `secret`: keep it, it is not shown again. Loopback, link-local and private addresses are refused unless `Webhooks:AllowPrivateNetworks`.");
        webhooks.MapGet("/{id:long}", Get).WithName("GetWebhook")
            .WithSummary("Get an outgoing webhook endpoint");
        webhooks.MapPut("/{id:long}", Update).WithName("UpdateWebhook")
            .WithSummary("Change an endpoint's address, events or whether it is enabled");
        webhooks.MapDelete("/{id:long}", Delete).WithName("DeleteWebhook")
            .WithSummary("Delete an outgoing webhook endpoint");
        webhooks.MapGet("/{id:long}/deliveries", Deliveries).WithName("ListWebhookDeliveries")
            .WithSummary("List an endpoint's deliveries").WithDescription("Each event's status, attempts and the endpoint's last response.");
        webhooks.MapPost("/{id:long}/test", SendTest).WithName("TestWebhook")
            .WithSummary("Send a test event to an endpoint");
        return app;
    }

    private static async Task<Ok<List<WebhookResponse>>> List(WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok((await webhooks.ListAsync(cancellationToken)).Select(WebhookResponse.From).ToList());

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Get(long id, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.FindAsync(id, cancellationToken) is { } webhook
            ? TypedResults.Ok(WebhookResponse.From(webhook))
            : ProblemResults.From(OperationResult.NotFound("That webhook endpoint does not exist."));

    private static async Task<Results<Created<CreatedWebhookResponse>, ProblemHttpResult>> Create(
        WebhookRequest request, WebhookService webhooks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await webhooks.CreateAsync(request.ToInput(), user, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created($"/api/webhooks/{created.Value!.Endpoint.Id}", CreatedWebhookResponse.From(created.Value))
            : ProblemResults.From(created);
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Update(
        long id, WebhookRequest request, WebhookService webhooks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var updated = await webhooks.UpdateAsync(id, request.ToInput(), user, cancellationToken);
        return updated.Succeeded ? TypedResults.Ok(WebhookResponse.From(updated.Value!)) : ProblemResults.From(updated);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, WebhookService webhooks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = await webhooks.DeleteAsync(id, user, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : ProblemResults.From(deleted);
    }

    private static async Task<Results<Ok<List<WebhookDeliveryResponse>>, ProblemHttpResult>> Deliveries(long id, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var deliveries = await webhooks.DeliveriesAsync(id, cancellationToken);
        return deliveries.Succeeded ? TypedResults.Ok(deliveries.Value!.Select(WebhookDeliveryResponse.From).ToList()) : ProblemResults.From(deliveries);
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> SendTest(long id, WebhookService webhooks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var queued = await webhooks.SendTestAsync(id, user, cancellationToken);
        return queued.Succeeded ? TypedResults.Accepted($"/api/webhooks/{id}/deliveries") : ProblemResults.From(queued);
    }
}
