using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Tests.Reading;

public sealed class StructuralCutTests
{
    /// <summary>Bytes that end a run of plain string bytes, and bytes that do not, put anywhere in a string
    /// of any length at any offset: the cut finds string ends 64 bytes at a time, so every position relative
    /// to a 64-byte block, and the short tail after the last full block, must behave as the tokenizer does.</summary>
    public static TheoryData<string> Inserts => ["\"", "\\\"", "\\\\", "\\n", "\\u0041", "\\x", "\t", "\u0001", "\u001f", " ", "\u007f", "é", "}"];

    [Theory]
    [MemberData(nameof(Inserts))]
    public void TryCutObject_WhenAnyByteSitsAtAnyPositionOfAStringAcrossBlocks_ShouldAgreeWithUtf8JsonReader(string insert)
    {
        for (var prefix = 0; prefix < 70; prefix += 3)
        {
            for (var length = 0; length < 140; length++)
            {
                for (var at = 0; at <= length; at += Math.Max(1, length / 9))
                {
                    // Arrange: {"k":"aaa<insert>aaa","z":1} preceded by a key that moves the string's start.
                    var body = new string('a', at) + insert + new string('a', length - at);
                    var json = Encoding.UTF8.GetBytes($"{{\"{new string('p', prefix)}\":\"{body}\",\"z\":1}}");

                    // Act
                    var cut = StructuralCut.TryCutObject(json, out var cutLength);

                    // Assert
                    if (cut)
                    {
                        var expected = TokenizerLength(json);
                        Assert.True(expected == cutLength, $"cut {cutLength}, tokenizer {expected?.ToString() ?? "refuses"}: {Encoding.UTF8.GetString(json)}");
                    }

                    // Plain bytes and short escapes are the cut's to vouch for; anything else is left to the tokenizer.
                    var plain = insert is " " or "é" or "}" or "\\\"" or "\\\\" or "\\n" or "\u007f";
                    Assert.True(cut == plain, $"cut said {cut} of {Encoding.UTF8.GetString(json)}");
                }
            }
        }
    }

    /// <summary>CI machines take the AVX2 path; arm64 and older x64 take the 128-bit one. Both must mark
    /// exactly the bytes the one-at-a-time loop marks, for every byte value at every position.</summary>
    [Fact]
    public void Stops_WhenComputedWithEitherVectorWidth_ShouldMarkWhatTheScalarLoopMarks()
    {
        var random = new Random(20261130);
        var block = new byte[64];
        for (var round = 0; round < 20_000; round++)
        {
            // Arrange: mostly plain letters, with stops and high bytes sprinkled in; every value now and then.
            for (var k = 0; k < block.Length; k++)
            {
                block[k] = round % 4 == 0 ? (byte)random.Next(256) : random.Next(8) switch
                {
                    0 => (byte)'"',
                    1 => (byte)'\\',
                    2 => (byte)random.Next(0x20),
                    3 => (byte)random.Next(0x80, 0x100),
                    4 => (byte)0x20,
                    _ => (byte)random.Next('a', 'z' + 1),
                };
            }

            // Act
            var scalar = StructuralCut.ScalarStops(block);

            // Assert
            Assert.Equal(scalar, StructuralCut.Stops256(block));
            Assert.Equal(scalar, StructuralCut.Stops128(block));
        }

        Assert.Equal(ulong.MaxValue, StructuralCut.Stops128(new byte[64]));
        Assert.Equal(0UL, StructuralCut.Stops256(Enumerable.Repeat((byte)' ', 64).ToArray()));
    }

    [Fact]
    public void TryCutObject_WhenTheBufferEndsInsideAString_ShouldNotBeSure()
    {
        for (var length = 0; length < 200; length++)
        {
            var json = Encoding.UTF8.GetBytes($"{{\"k\":\"{new string('a', length)}");
            Assert.False(StructuralCut.TryCutObject(json, out _));
        }
    }

    [Fact]
    public void TopLevelField_WhenGivenEachHeaderNameOrANearMiss_ShouldNameOnlyTheExactKeys()
    {
        var names = new Dictionary<string, HeaderField>
        {
            ["eventSource"] = HeaderField.EventSource,
            ["eventName"] = HeaderField.EventName,
            ["eventCategory"] = HeaderField.EventCategory,
            ["eventType"] = HeaderField.EventType,
            ["readOnly"] = HeaderField.ReadOnly,
            ["userIdentity"] = HeaderField.UserIdentity,
        };
        foreach (var (name, field) in names)
        {
            Assert.Equal(field, HeaderSpans.TopLevelField(Encoding.UTF8.GetBytes(name)));
            Assert.Equal(HeaderField.None, HeaderSpans.TopLevelField(Encoding.UTF8.GetBytes(name + "s")));
            Assert.Equal(HeaderField.None, HeaderSpans.TopLevelField(Encoding.UTF8.GetBytes(name[..^1])));
            Assert.Equal(HeaderField.None, HeaderSpans.TopLevelField(Encoding.UTF8.GetBytes(name[..^1] + "X")));
            Assert.Equal(HeaderField.None, HeaderSpans.TopLevelField(Encoding.UTF8.GetBytes("X" + name[1..])));
        }

        Assert.Equal(HeaderField.None, HeaderSpans.TopLevelField("eventTime"u8));
        Assert.Equal(HeaderField.None, HeaderSpans.TopLevelField("eventVersion"u8));
        Assert.Equal(HeaderField.None, HeaderSpans.TopLevelField("type"u8));
    }

    /// <summary>Found in review: logs re-serialized with sorted keys (<c>jq -S</c>) put <c>sessionContext</c>
    /// before <c>type</c>, and closing its nested <c>attributes</c> object made the cut stop looking for
    /// userIdentity's own keys, so every such AssumedRole record was reported as having no type.</summary>
    [Theory]
    [InlineData("{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"false\"}},\"type\":\"AssumedRole\"}", "AssumedRole")]
    [InlineData("{\"a\":[[1]],\"type\":\"IAMUser\"}", "IAMUser")]
    [InlineData("{\"type\":\"IAMUser\",\"a\":{\"b\":{}},\"type\":\"Root\"}", "Root")]
    [InlineData("{\"a\":{\"type\":\"Root\"},\"b\":[{\"type\":\"Root\"}]}", null)]
    public void FromCut_WhenUserIdentityNestsContainersAroundItsType_ShouldFindTheTypeTheTokenizerFinds(string identity, string? type)
    {
        // Arrange
        var record = Encoding.UTF8.GetBytes($"{{\"eventSource\":\"lambda.amazonaws.com\",\"eventName\":\"CreateFunction20150331\",\"userIdentity\":{identity},\"readOnly\":false}}");

        // Act
        Assert.True(StructuralCut.TryCutObject(record, out _, out var spans));
        var header = RecordHeader.FromCut(record, spans);

        // Assert
        Assert.Equal(type, header.UserIdentityType);
        Assert.Equal(RecordHeader.Scan(record), header);
    }

    [Theory]
    [InlineData("readOnly", HeaderSpans.ReadOnlyHead)]
    [InlineData("eventNam", HeaderSpans.EventNaHead)]
    [InlineData("eventTyp", HeaderSpans.EventTyHead)]
    [InlineData("eventSou", HeaderSpans.EventSoHead)]
    [InlineData("userIden", HeaderSpans.UserIdHead)]
    [InlineData("eventCat", HeaderSpans.EventCaHead)]
    public void HeadConstants_WhenReadAsLittleEndianNumbers_ShouldSpellTheirNames(string head, ulong constant)
    {
        Assert.Equal(BinaryPrimitives.ReadUInt64LittleEndian(Encoding.ASCII.GetBytes(head)), constant);
    }

    private static long? TokenizerLength(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(CloudTrailReader.Options));
            return reader.Read() && reader.TrySkip() ? reader.BytesConsumed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
