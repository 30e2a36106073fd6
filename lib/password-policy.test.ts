import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { checkNewPassword, DEMO_PASSWORD } from "@/lib/password-policy";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

describe("checkNewPassword", () => {
  it("asks for at least 12 characters and allows at least 64 (ASVS 6.2.1, 6.2.9)", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_PASSWORD_LENGTH).toBeGreaterThanOrEqual(64);
    expect(checkNewPassword("kx8-vr2-qw9")).toBe("password_too_short");
    expect(checkNewPassword("kx8-vr2-qw9z")).toBeNull();
    expect(checkNewPassword("q".repeat(20) + "w".repeat(44))).toBeNull();
    expect(checkNewPassword("zq".repeat(MAX_PASSWORD_LENGTH / 2))).toBeNull();
    expect(checkNewPassword(`${"zq".repeat(MAX_PASSWORD_LENGTH / 2)}x`)).toBe("password_too_long");
  });

  it("counts characters as people do: twelve Chinese characters are enough", () => {
    expect(checkNewPassword("春眠不觉晓处处闻啼鸟夜来")).toBeNull();
    expect(checkNewPassword("春眠不觉晓处处闻啼鸟夜")).toBe("password_too_short");
  });

  it("refuses every long-enough password of the shipped common list, in any case", () => {
    const listed = dictionary["passwords-common"].filter((p) => [...p].length >= 12);
    expect(listed.length).toBeGreaterThan(100);
    for (const password of listed) {
      expect(checkNewPassword(password), password).toBe("password_common");
      expect(checkNewPassword(password.toUpperCase()), password).toBe("password_common");
    }
  });

  it("refuses a common password padded with digits or punctuation", () => {
    expect(checkNewPassword("password2024!")).toBe("password_common");
    expect(checkNewPassword("!!iloveyou123")).toBe("password_common");
    expect(checkNewPassword("Qwerty123456789")).toBe("password_common");
  });

  it("refuses the user's own e-mail name, display name and the product's name", () => {
    expect(checkNewPassword("masthead-demo")).toBe("password_personal");
    expect(checkNewPassword("zhangwei-2026-ok", { email: "ZhangWei@paper.cn" })).toBe(
      "password_personal",
    );
    expect(checkNewPassword("边磊边磊的好密码呀呀呀呀", { displayName: "边磊" })).toBeNull();
    expect(checkNewPassword("我是值班编辑的新密码呀呀", { displayName: "值班编辑" })).toBe(
      "password_personal",
    );
  });

  it("needs no character classes: a long passphrase of words passes", () => {
    expect(checkNewPassword("correct horse battery staple")).toBeNull();
  });

  it("knows the seed's demo password, which keeps working but cannot be chosen anew", () => {
    expect(checkNewPassword(DEMO_PASSWORD)).toBe("password_personal");
  });
});
