using Microsoft.Extensions.Options;

namespace TrendVault.Grains.Hosting;

/// <summary>Fails start-up with the exact setting that is wrong.</summary>
public sealed class CollectionOptionsValidator : IValidateOptions<CollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectionOptions options) =>
        options.IsValid(out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
}
