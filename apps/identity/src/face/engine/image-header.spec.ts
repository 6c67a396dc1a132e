import { PNG } from 'pngjs';

import { jpegBomb, pngBomb } from '../../../test/support/image-bombs';
import { declaredImageSize } from './image-header';

describe('declaredImageSize', () => {
  it('should read a PNG size from its header', () => {
    const png = new PNG({ width: 31, height: 17 });

    expect(declaredImageSize(PNG.sync.write(png))).toEqual({ width: 31, height: 17 });
  });

  it('should read the huge size a small PNG or JPEG declares without decoding it', () => {
    const png = pngBomb(100_000, 90_000);
    const jpeg = jpegBomb(65_000, 60_000);

    expect(png.length).toBeLessThan(2_000);
    expect(declaredImageSize(png)).toEqual({ width: 100_000, height: 90_000 });
    expect(jpeg.length).toBeLessThan(100);
    expect(declaredImageSize(jpeg)).toEqual({ width: 65_000, height: 60_000 });
  });

  it('should give null for bytes that are neither PNG nor JPEG or have a truncated header', () => {
    expect(declaredImageSize(Buffer.from('not an image'))).toBeNull();
    expect(declaredImageSize(pngBomb(10, 10).subarray(0, 20))).toBeNull();
    expect(declaredImageSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeNull();
  });
});
