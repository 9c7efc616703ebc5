namespace NonprofitPortal.Tests.Features.Sending.Simulation;

/// <summary>Simulations read "nothing left to do" off the thread pool, so they run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SimulationCollection
{
    public const string Name = "Sending simulations";
}
