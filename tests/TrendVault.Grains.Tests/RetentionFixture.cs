namespace TrendVault.Grains.Tests;

/// <summary>A silo that keeps two days of data and prunes the fewest rows per statement it allows, so one pass is many statements.</summary>
public sealed class RetentionFixture : CollectionClusterFixture
{
    public const int Days = 2;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Retention:Days"] = Days.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Retention:BatchSize"] = "100";
    }
}
