// The WeChat sync list and the stored sync error texts, in words (zh-CN). Spread into zh-CN.ts.
export const syncListZhCN = {
  syncList: {
    lastAttempt: "最近尝试",
    statusCards: "按同步状态筛选",
    search: "车牌 / 月卡 / 交易号 / 订单号",
    showDetails: "展开",
    hideDetails: "收起",
    fullError: "完整错误",
    roundTrigger: "本轮触发",
    allAttempts: "查看全部尝试记录",
  },
  syncErrors: {
    gaveUp: "重试 {n} 次后放弃",
    unsignedFailed: "应答未签名，已尝试 {n} 次",
    cannotMap: "无法生成推送内容",
    unsignedAnswer: "应答未签名",
    unverifiable: "应答签名无法验证（{check}）",
    noAnswer: "{ms} 毫秒内无应答",
    networkError: "网络错误",
    cutOff: "应答中途断开",
    sep: "：",
    mapping: {
      noOrderId: "续费既没有订单号也没有交易号",
      orderIdTooLong: "订单号超过 {n} 个字符",
      amountTooSmall: "微信支付要求金额至少 1 分",
      noPayTime: "续费没有有效的支付时间",
      lotIdTooLong: "车场的微信停车场 ID 超过 {n} 个字符",
    },
  },
};
