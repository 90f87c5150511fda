export declare const SOAK_OUT: string;
export declare const SLIDES: { bcid?: string; photo?: string; text: string }[];
export declare function makeSoakVideo(slideSeconds?: number, fps?: number): Promise<string>;
