namespace TrendVault.YouTube.Tests;

public sealed class TextRepairTests
{
    // Built in code: attribute arguments go through UTF-8 metadata, which cannot hold a lone surrogate.
    public static TheoryData<string, string> Unstorable => new()
    {
        { "a\ud83db", "a\uFFFDb" },
        { "\udc00 low", "\uFFFD low" },
        { "end\ud83d", "end\uFFFD" },
        { "nul\0byte", "nulbyte" },
    };

    [Theory]
    [MemberData(nameof(Unstorable), DisableDiscoveryEnumeration = true)]
    public void Text_postgresql_cannot_store_is_repaired_and_reported(string text, string expected)
    {
        var defects = ItemDefects.None;

        var repaired = TextRepair.Repair(text, ref defects);

        Assert.Equal((expected, ItemDefects.InvalidText), (repaired, defects));
    }

    [Theory]
    [InlineData("plain title")]
    [InlineData("emoji \ud83d\ude00 pairs stay")]
    [InlineData("")]
    public void Valid_text_is_returned_as_it_is(string text)
    {
        var defects = ItemDefects.None;

        Assert.Same(text, TextRepair.Repair(text, ref defects));
        Assert.Equal(ItemDefects.None, defects);
    }

    [Fact]
    public void Text_that_already_carries_a_replacement_character_is_reported()
    {
        var defects = ItemDefects.None;

        Assert.Equal("a\uFFFDb", TextRepair.Repair("a\uFFFDb", ref defects));
        Assert.Equal(ItemDefects.InvalidText, defects);
    }
}
