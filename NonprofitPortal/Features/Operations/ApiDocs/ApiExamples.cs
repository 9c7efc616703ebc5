using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace NonprofitPortal.Features.Operations.ApiDocs;

/// <summary>
/// Shows each <see cref="IApiExample{TSelf}"/> type's example as the example of the request bodies
/// and responses that carry it (lists of it included), serialized as the API writes it.
/// </summary>
internal sealed class ApiExamples(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (operation.RequestBody?.Content is { } requestContent
            && description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type is { } requestType)
        {
            SetExample(requestContent.Values, requestType);
        }

        foreach (var response in description.SupportedResponseTypes)
        {
            if (response.Type is { } responseType
                && operation.Responses?.TryGetValue(response.StatusCode.ToString(CultureInfo.InvariantCulture), out var documented) == true
                && documented.Content is { } responseContent)
            {
                SetExample(responseContent.Values, responseType);
            }
        }

        return Task.CompletedTask;
    }

    private void SetExample(IEnumerable<OpenApiMediaType> mediaTypes, Type type)
    {
        if (ExampleOf(type) is not { } example)
        {
            return;
        }

        var node = JsonSerializer.SerializeToNode(example, example.GetType(), json.Value.SerializerOptions);
        foreach (var mediaType in mediaTypes)
        {
            mediaType.Example ??= node?.DeepClone();
        }
    }

    /// <summary>The example of a type, or a one-item list of its element's example for a list type.</summary>
    public static object? ExampleOf(Type type)
    {
        if (Declared(type) is { } example)
        {
            return example;
        }

        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        return element is not null && Declared(element) is { } item ? new[] { item } : null;
    }

    private static object? Declared(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IApiExample<>))
            ? type.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            : null;
}
