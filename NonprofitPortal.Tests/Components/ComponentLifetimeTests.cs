using NonprofitPortal.Components;

namespace NonprofitPortal.Tests.Components;

public sealed class ComponentLifetimeTests
{
    [Fact]
    public void Work_resuming_after_the_component_left_reads_a_cancelled_token_instead_of_throwing()
    {
        var lifetime = new ComponentLifetime();
        var beforeLeaving = lifetime.Token;

        lifetime.End();

        Assert.True(beforeLeaving.IsCancellationRequested);
        Assert.True(lifetime.Token.IsCancellationRequested);
        Assert.Throws<OperationCanceledException>(() => lifetime.Token.ThrowIfCancellationRequested());
    }

    [Fact]
    public void Leaving_twice_is_harmless()
    {
        var lifetime = new ComponentLifetime();

        lifetime.End();
        lifetime.End();

        Assert.True(lifetime.Token.IsCancellationRequested);
    }
}
