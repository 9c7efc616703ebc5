using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace NonprofitPortal.Features.Operations.ApiDocs;

/// <summary>
/// Documents the answers every endpoint shares (the problem details of DESIGN.md's HTTP API), read
/// from the endpoint itself: sign-in and permissions from its authorization, 400 from its inputs,
/// 404 from an id in its route, 409 where the endpoint says when (<see cref="ConflictResponse"/>), 429 for writes under /api.
/// </summary>
internal sealed class StandardResponses : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? HttpMethods.Get;
        var path = "/" + description.RelativePath;
        operation.Responses ??= new OpenApiResponses();

        var permissions = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme.Name, context.Document)] = [] }];
            await AddAsync(operation, context, StatusCodes.Status401Unauthorized, "No bearer token, or an expired one: get one from `POST /api/auth/token`.", cancellationToken);
            await AddAsync(operation, context, StatusCodes.Status403Forbidden,
                permissions.Count == 0 ? "The token's user may not do this." : $"The token's user lacks the permission {string.Join(" and ", permissions.Select(p => $"`{p}`"))}.",
                cancellationToken);
        }

        if (description.ParameterDescriptions.Any(p => p.Source != BindingSource.Path))
        {
            await AddAsync(operation, context, StatusCodes.Status400BadRequest, "Invalid input: `errors` names each invalid field with what is wrong.", cancellationToken, validation: true);
        }

        var onExisting = path.Contains("{id", StringComparison.Ordinal) || path.Contains("{name", StringComparison.Ordinal);
        if (onExisting)
        {
            await AddAsync(operation, context, StatusCodes.Status404NotFound, "Nothing has that id.", cancellationToken);
        }

        if (metadata.OfType<ConflictResponse>().LastOrDefault() is { } conflict)
        {
            await AddAsync(operation, context, StatusCodes.Status409Conflict, conflict.When, cancellationToken);
        }

        var hasOwnLimit = metadata.OfType<EnableRateLimitingAttribute>().Any();
        if (path.StartsWith("/api/", StringComparison.Ordinal) && (!HttpMethods.IsGet(method) || hasOwnLimit))
        {
            await AddAsync(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests: try again after the `Retry-After` header's seconds.", cancellationToken);
        }
    }

    private static async Task AddAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string meaning, CancellationToken cancellationToken, bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(validation ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), null, cancellationToken);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = meaning,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema, Example = Example(status, validation) } },
        };
    }

    private static JsonNode Example(int status, bool validation)
    {
        var example = new JsonObject
        {
            ["title"] = status switch
            {
                StatusCodes.Status400BadRequest => "The request has invalid fields.",
                StatusCodes.Status401Unauthorized => "Unauthorized",
                StatusCodes.Status403Forbidden => "Forbidden",
                StatusCodes.Status404NotFound => "Not found.",
                StatusCodes.Status409Conflict => "Conflict.",
                _ => "Too Many Requests",
            },
            ["status"] = status,
        };
        if (validation)
        {
            example["errors"] = new JsonObject { ["email"] = new JsonArray("Email is not a valid address.") };
        }

        return example;
    }
}
