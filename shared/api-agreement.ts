/** API operations of intercoder agreement (team merge, agreement measures, disagreements). */
export const agreementApi = {} as const
