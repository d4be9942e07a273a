namespace TrendVault.Gateway.Contracts;

public sealed record CategoryItem(int Id, string Title, bool Assignable);
