/** API operations of the cross-case analyses (matrices, co-occurrence, phases, exports). */
export const analysisApi = {} as const
