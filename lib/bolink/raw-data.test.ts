import { describe, expect, it } from "vitest";
import { extractRawDataText } from "@/lib/bolink/raw-data";

describe("extractRawDataText", () => {
  it("returns the data value byte for byte, whitespace, escapes and number spelling included", () => {
    const data = '{ "b" : 1.50 ,\n\t"a":"\\u6536\\/","c":[ ] }';
    expect(extractRawDataText(`{"union_id":1, "data" :\r\n ${data} ,"sign":"S"}`)).toBe(data);
  });

  it("finds data among nested values, strings with braces and quotes, and an escaped key", () => {
    const data = '{"a":[1,{"b":"}]\\"{"}],"c":null,"d":true,"e":-1.5e3}';
    expect(extractRawDataText(`{"x":{"data":1},"s":"\\"data\\":2","y":["data",{"data":[]}],"data":${data}}`)).toBe(data);
    expect(extractRawDataText(`{"d\\u0061ta":${data}}`)).toBe(data);
    expect(extractRawDataText(`\uFEFF {"data":${data}}`)).toBe(data);
  });

  it("returns a data value that is not an object as text, for the caller to refuse", () => {
    expect(extractRawDataText('{"data":"text"}')).toBe('"text"');
    expect(extractRawDataText('{"data":[1, 2]}')).toBe("[1, 2]");
    expect(extractRawDataText('{"data":12.50}')).toBe("12.50");
    expect(extractRawDataText('{"data":null}')).toBe("null");
  });

  it("returns null without exactly one top-level data key", () => {
    expect(extractRawDataText('{"x":1}')).toBeNull();
    expect(extractRawDataText('{"x":{"data":{}}}')).toBeNull();
    expect(extractRawDataText("{}")).toBeNull();
    expect(extractRawDataText('{"data":{},"data":{}}')).toBeNull();
    expect(extractRawDataText('{"data":{},"d\\u0061ta":{}}')).toBeNull();
  });

  it.each([
    ["an array", '[{"data":1}]'],
    ["empty", ""],
    ["a string", '"data"'],
    ["truncated", '{"data":{"a":'],
    ["mismatched brackets", '{"data":{]}'],
    ["a trailing comma", '{"data":[1,]}'],
    ["text after the object", '{"data":1} x'],
    ["a leading zero", '{"data":01}'],
    ["a bad escape", '{"data":"\\x"}'],
    ["a raw control character in a string", '{"data":"a\u0001"}'],
    ["a missing colon", '{"data" 1}'],
    ["a misspelt literal", '{"data":tru}'],
  ])("returns null for a body that is not one JSON object: %s", (_name, body) => {
    expect(extractRawDataText(body)).toBeNull();
  });

  it("survives hostile nesting without recursion", () => {
    const deep = `{"data":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(extractRawDataText(deep)?.length).toBe(200_000);
    expect(extractRawDataText(`{"data":${"[".repeat(100_000)}}`)).toBeNull();
  });
});
