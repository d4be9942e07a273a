namespace TrendVault.Grains.Tests;

/// <summary>Test classes in this collection share one silo; starting several in parallel is slow on two cores.</summary>
[CollectionDefinition(Name)]
public sealed class CollectionClusterCollection : ICollectionFixture<CollectionClusterFixture>
{
    public const string Name = "collection cluster";
}
