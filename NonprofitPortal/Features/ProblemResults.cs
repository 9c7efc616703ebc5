using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace NonprofitPortal.Features;

/// <summary>Turns a refused <see cref="OperationResult"/> into RFC 9457 problem details.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult From(OperationResult failure) => failure.Error switch
    {
        OperationError.Validation => TypedResults.Problem(new HttpValidationProblemDetails(
            (failure.FieldErrors ?? new Dictionary<string, string[]>()).ToDictionary(f => f.Key, f => f.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
            Detail = failure.Message,
        }),
        OperationError.NotFound => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found."),
        OperationError.Conflict or OperationError.ErasedEarlier => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict."),
        _ => throw new ArgumentException("A successful result is not a problem.", nameof(failure)),
    };

    public static ProblemHttpResult Invalid(string field, string message) => From(OperationResult.Invalid(field, message));
}
